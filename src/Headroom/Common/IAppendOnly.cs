namespace Headroom.Common;

// Rows of an append-only log: added, never updated or deleted (AuditInterceptor refuses both).
public interface IAppendOnly;
