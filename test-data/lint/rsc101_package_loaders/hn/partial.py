import dagster as dg

from .assets.stories.top import story_digest, top_stories


# dg merges what @definitions functions return with the rest of the project.
@dg.definitions
def stories_defs() -> dg.Definitions:
    return dg.Definitions(assets=[top_stories, story_digest], resources={})


only_assets = dg.Definitions(assets=[top_stories, story_digest])

here = dg.load_assets_from_current_module()
