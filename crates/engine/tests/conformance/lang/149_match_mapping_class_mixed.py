# match: mapping, class and sequence patterns combined in one JSON-like dispatcher.
class Event:
    __match_args__ = ("kind",)
    def __init__(self, kind, data):
        self.kind, self.data = kind, data
def handle(msg):
    match msg:
        case {"events": [Event("start"), *others]}:
            return f"starts, then {len(others)} more"
        case {"events": []}:
            return "no events"
        case {"events": [Event(kind=k, data={"id": i}), *_]}:
            return f"first is {k} #{i}"
        case {"error": str(text)} if text:
            return "error: " + text
    return "ignored"
print(handle({"events": [Event("start", None), Event("x", None)]}))
print(handle({"events": []}))
print(handle({"events": [Event("stop", {"id": 3})]}))
print(handle({"error": "boom"}))
print(handle({"error": ""}))
print(handle({"events": "nope"}))
