using Headroom.Web;

var app = HeadroomWebApp.Build(args);
await HeadroomWebApp.PrepareDatabaseAsync(app.Services);
await app.RunAsync();

public partial class Program;
