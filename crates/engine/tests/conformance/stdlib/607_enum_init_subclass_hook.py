# __init_subclass__ (the hook enum is built on) runs for each subclass with the class keywords.
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls)
class Alpha(Plugin, name="a"):
    pass
class Beta(Plugin):
    pass
class Gamma(Beta):
    pass
print([c.plugin_name for c in Plugin.registry])
print(Alpha.plugin_name, Gamma.plugin_name, hasattr(Plugin, "plugin_name"))
