# A larger nested document pretty-printed and sorted.
import json
users = [{"id": i, "name": "user%d" % i, "tags": ["t%d" % j for j in range(i % 3)], "score": i * 1.5} for i in range(4)]
print(json.dumps({"users": users, "count": len(users)}, indent=4, sort_keys=True))
