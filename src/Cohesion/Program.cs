using Cohesion.Cli;

// One executable: with no verb (or only options such as --urls) it serves the web app; otherwise it runs a CLI verb.
return await CohesionCli.RunAsync(args);
