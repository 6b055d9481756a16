# str.encode with errors= and UnicodeEncodeError's exact message (one character, or a run)
s = "naïve café €5"
print(s.encode(), s.encode("utf-8"), s.encode("latin-1", "replace"))
for errors in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    print(errors, s.encode("ascii", errors))
for text, enc in [("café", "ascii"), ("€", "latin-1"), ("日本", "ascii"), ("a😀", "latin-1")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
try:
    "é".encode("ascii", "nope")
except LookupError as e:
    print("LookupError:", e)
print("é".encode("ascii", "nope") if False else "ok")
