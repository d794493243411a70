// Tests of the CSV reader land here.
