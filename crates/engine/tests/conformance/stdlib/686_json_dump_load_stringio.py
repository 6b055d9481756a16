# json.dump writes to and json.load reads from an io.StringIO.
import io
import json
buf = io.StringIO()
json.dump({"scores": [90, 85], "ok": True}, buf, indent=2)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
