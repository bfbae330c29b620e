import dagster as dg

from .assets.stories.top import story_digest, top_stories


# Outside a dg defs folder, a module-level @definitions function or Definitions that no other
# module takes as a part is a code location of its own: checked as a whole.
@dg.definitions
def stories_defs() -> dg.Definitions:
    return dg.Definitions(assets=[top_stories, story_digest], resources={})  # expect@12: RSC101 resource key 'slack' is required by asset 'story_digest' but not bound in Definitions; bound keys: (none) # expect@12: RSC101 resource key 'warehouse' is required by asset 'top_stories' but not bound in Definitions; bound keys: (none)


only_assets = dg.Definitions(assets=[top_stories, story_digest])  # expect@15: RSC101 resource key 'slack' is required by asset 'story_digest' but not bound in Definitions; bound keys: (none) # expect@15: RSC101 resource key 'warehouse' is required by asset 'top_stories' but not bound in Definitions; bound keys: (none)

here = dg.load_assets_from_current_module()
