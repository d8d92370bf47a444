"""The default glossary of proper names, installed as the package data `toolkit.glossaries`."""
