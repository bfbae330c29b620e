# shape: requirer: an asset whose decorator call mypy rejects, in another module, with an IO manager key
