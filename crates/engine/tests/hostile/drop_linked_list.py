# Dropping the head of a long linked list frees it node by node.
class Node:
    def __init__(self, nxt):
        self.nxt = nxt


head = None
for i in range(100_000):
    head = Node(head)
head = None
print("ok")
