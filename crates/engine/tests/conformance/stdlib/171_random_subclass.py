# A subclass of random.Random: its own methods beside the inherited ones, same sequences as Random
import random
class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)
d = Dice(2024)
rolls = [d.roll() for _ in range(1000)]
print(rolls[:20], [rolls.count(i) for i in range(1, 7)])
r = random.Random(2024)
print(rolls == [r.randint(1, 6) for _ in range(1000)])
