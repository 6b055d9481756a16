# bytes.split() splits on ASCII whitespace only; str.split() also on other Unicode spaces
raw = b"a b\tc\nd\x0be\x0cf\rg\x85h\xa0i"
print(raw.split())
print(raw.decode("latin-1").split())
print(b"  lead".split(b" "), b"trail  ".rsplit(b" ", 1), b"x".split(b"x"))
