# uuid.uuid4 from the playground's seeded entropy: str, repr, hex, version, variant, urn
import uuid
u = uuid.uuid4()
print(u, repr(u), u.hex, u.version, u.variant, u.urn, len(u.bytes))
print([str(uuid.uuid4()) for _ in range(3)])
ids = {uuid.uuid4() for _ in range(100)}
print(len(ids), all(x.version == 4 for x in ids))
