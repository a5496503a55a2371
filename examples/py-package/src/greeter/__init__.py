"""Greets people by name."""


def greet(name: str, punctuation: str = "!") -> str:
    name = name.strip() or "world"
    return f"Hello, {name}{punctuation}"
