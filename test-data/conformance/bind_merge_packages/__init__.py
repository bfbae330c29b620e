# shape: binding-site: top-level Definitions.merge of parts defined in other modules
