// LadderDriver
