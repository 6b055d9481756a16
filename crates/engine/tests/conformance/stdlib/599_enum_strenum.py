# StrEnum members compare as their strings; auto() gives the lower-cased name.
from enum import StrEnum, auto
class Method(StrEnum):
    GET = auto()
    POST = "post"
print(Method.GET, repr(Method.GET), Method.GET == "get", f"{Method.POST}!", Method("post"))
print(Method.POST.upper(), list(Method))
