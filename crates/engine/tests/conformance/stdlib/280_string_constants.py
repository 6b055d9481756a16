# string module constants
import string
for name in ("ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "octdigits", "punctuation", "whitespace", "printable"):
    v = getattr(string, name)
    print(name, repr(v), len(v))
