# Members in match/case patterns and comparisons with `is`.
from enum import Enum, auto
class Light(Enum):
    RED = auto()
    YELLOW = auto()
    GREEN = auto()
def next_light(light):
    match light:
        case Light.RED:
            return Light.GREEN
        case Light.GREEN:
            return Light.YELLOW
        case Light.YELLOW:
            return Light.RED
l = Light.RED
for _ in range(4):
    print(l.name)
    l = next_light(l)
print(next_light(Light.GREEN) is Light.YELLOW)
