using Headroom.Assignment;
using Headroom.Organizations;

namespace Headroom.Importing;

// How imported leads are routed: the queues the importer may see (Scope), who is logged as making
// the change (Actor), the routers (Cache) and the time of the log entries (Now).
public sealed record LeadRouting(AccessScope Scope, AssignmentActor Actor, QueueRouterCache Cache, DateTimeOffset Now);
