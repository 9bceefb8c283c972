"""The rule language: parse (lark) -> AST -> compiler passes -> compiled rules."""
