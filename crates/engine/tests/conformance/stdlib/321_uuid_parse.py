# uuid.UUID from hex strings in several spellings; equality, ordering and errors
import uuid
a = uuid.UUID("12345678-1234-5678-1234-567812345678")
b = uuid.UUID("{12345678123456781234567812345678}")
c = uuid.UUID("urn:uuid:12345678-1234-5678-1234-567812345679")
print(a, a == b, a < c, sorted([c, a])[0] == a, a.hex, a.version, a.variant)
print(uuid.UUID(bytes=bytes(16)), uuid.UUID("12345678-1234-5678-1234-567812345678", version=4))
for bad in ("1234", "zz345678-1234-5678-1234-567812345678"):
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    uuid.UUID()
except TypeError as e:
    print("TypeError", e)
