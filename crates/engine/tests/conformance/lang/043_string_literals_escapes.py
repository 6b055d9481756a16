# String literal forms and escape sequences.
print('single', "double", 'it\'s', "say \"hi\"")
print("tab:\tend", "newline:\nnext")
print("backslash \\ and unicode \u00e9 \N{GREEK SMALL LETTER ALPHA}")
print(r"raw \n stays", len(r"\n"), len("\n"))
print("adjacent " "literals " 'join')
print("\x41\x42", "\101", "bell?" + repr("\a"))
print(repr("quote ' inside"), repr('both \' and "'))
print(repr("line\nbreak\ttab"), ascii("é"))
