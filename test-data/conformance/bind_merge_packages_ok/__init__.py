# shape: binding-site: top-level Definitions.merge binding a part's key in another part (trap)
