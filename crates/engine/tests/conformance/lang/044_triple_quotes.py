# Triple-quoted strings keep newlines and quotes.
text = """first line
second "quoted" line
    indented third"""
print(text)
other = '''it's
fine'''
print(other)
print(repr("""a
b"""))
def documented():
    """A docstring."""
    return 1
print(documented.__doc__)
print("""\
no leading newline""")
