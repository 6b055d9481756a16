# Floats print exactly as CPython's repr; nan/inf as NaN/Infinity, or refused with allow_nan=False.
import json
print(json.dumps([0.1, 1e16, 1.5e-7, -0.0, 2.0, 1/3, 1e300 * 10, float("nan"), -1e400]))
try:
    json.dumps(float("inf"), allow_nan=False)
except ValueError as e:
    print(e)
