// Tests of import land here.
