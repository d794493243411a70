print("ladderlint")
