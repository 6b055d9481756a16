# uuid4 values as dictionary keys for records, converted to str and back
import uuid
records = {uuid.uuid4(): name for name in ["ann", "bo", "cy"]}
for k, v in records.items():
    print(str(k), v, uuid.UUID(str(k)) == k, uuid.UUID(k.hex) in records)
