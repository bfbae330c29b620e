import dagster as dg


class Scraper(dg.ConfigurableResource):
    user_agent: str = "hn-bot"


class Translator(dg.ConfigurableResource):
    language: str = "de"


@dg.op
def scrape(scraper: Scraper) -> list:
    return []


@dg.op
def translate(stories: list, translator: Translator) -> list:
    return stories


@dg.graph_asset(resource_defs={"scraper": Scraper()})
def translated_stories() -> list:
    return translate(scrape())
