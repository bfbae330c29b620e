# shape: reach: assets list built in another module of the package
