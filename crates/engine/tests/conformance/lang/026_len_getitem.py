# __len__ and __getitem__: len(), indexing, iteration fallback, truthiness.
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, index):
        return self.cards[index]

d = Deck("AKQJ")
print(len(d), d[0], d[-1], d[1:3])
for card in d:
    print("card", card)
print(list(d), "K" in d)
print(bool(Deck("")), bool(d))
try:
    d[10]
except IndexError as e:
    print("IndexError:", e)
