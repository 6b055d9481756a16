# iter(callable, sentinel) with a closure-based reader: reading chunks until an empty one
data = b"abcdefgh"
pos = 0
def read_chunk():
    global pos
    chunk = data[pos:pos + 3]
    pos += 3
    return chunk
for chunk in iter(read_chunk, b""):
    print(chunk)
stack = [1, 2, 3]
print(list(iter(lambda: stack.pop() if stack else None, None)))
