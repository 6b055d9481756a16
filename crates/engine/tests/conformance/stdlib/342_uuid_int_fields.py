# uuid.UUID's 128-bit forms: int=, fields=, bytes_le= and their range errors.
import uuid, random
u = uuid.UUID(int=2**127 + 5)
print(u, u.int, repr(u), u.version, u.variant)
v = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(v.int, v.fields, v.bytes_le, uuid.UUID(bytes_le=v.bytes_le) == v, uuid.UUID(fields=v.fields) == v)
print(uuid.UUID(int=v.int, version=4))
for bad in [dict(int=-1), dict(int=2**128), dict(fields=(2**32, 0, 0, 0, 0, 0)), dict(fields=(1, 2)), dict(bytes_le=b"x")]:
    try:
        uuid.UUID(**bad)
    except ValueError as e:
        print("ValueError", e)
