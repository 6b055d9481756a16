# text -> bytes -> text round trips; UTF-8 lengths of different characters
for text in ["abc", "é", "€", "😀", "mixed ü€😀"]:
    data = text.encode()
    print(repr(text), len(text), len(data), data, data.decode() == text)
print("abc".encode("ascii"), "ÿ".encode("latin-1"), bytes("é", "latin-1").decode("latin-1"))
