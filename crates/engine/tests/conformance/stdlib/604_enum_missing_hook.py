# _missing_ lets a lookup accept other spellings.
from enum import Enum
class Answer(Enum):
    YES = "yes"
    NO = "no"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls(value.lower())
        return None
print(Answer("YES"), Answer("No"))
try:
    Answer(3)
except ValueError as e:
    print(e)
