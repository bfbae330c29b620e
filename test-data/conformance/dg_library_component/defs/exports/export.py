print("exported")
