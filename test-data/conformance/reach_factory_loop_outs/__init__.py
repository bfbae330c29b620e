# shape: reach: a factory of another module that loops over a dict, defines a multi-asset per pass (outs from a comprehension) and appends it to the list it returns
