"""The engine: compiled rules x an article's facts -> findings with citations."""
