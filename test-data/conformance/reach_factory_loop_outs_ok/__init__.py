# shape: reach: a factory of another module looping over a dict to build multi-assets, every key they need bound
