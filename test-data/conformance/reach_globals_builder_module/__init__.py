# shape: reach: a builder of another module keeps globals() by class, its result in a variable, resources= beside it
