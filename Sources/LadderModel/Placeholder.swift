// LadderModel
