namespace Headroom.Demo;

public sealed class DemoOrganizationExistsException(string name)
    : Exception($"An organization named '{name}' already exists; choose another name or replace it.")
{
    public string OrganizationName { get; } = name;
}
