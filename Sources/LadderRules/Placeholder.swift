// LadderRules
