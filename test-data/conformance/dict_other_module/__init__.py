# shape: resource-dict: a dict variable imported from another module
