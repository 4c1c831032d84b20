import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * The webpack configuration as data: entries, the page's Content-Security-Policy, the manifest
 * for deployment, and the dev server's https with its fallback. Certificates are mocked: the
 * real ones would be installed into this machine's trust store.
 */
const devCerts = vi.hoisted(() => ({ getHttpsServerOptions: vi.fn() }));
vi.mock("office-addin-dev-certs", () => devCerts);

// Imported after the mock is in place; by a variable path, as the config is plain JavaScript.
const configPath = "../../webpack.config.js";
const { default: makeConfig } = (await import(/* @vite-ignore */ configPath)) as {
  default: (env: Record<string, unknown>, argv: { mode: string }) => Promise<unknown>;
};

interface Config {
  entry: Record<string, unknown>;
  devtool: string;
  devServer?: { server: { type: string; options?: unknown }; port: number };
  plugins: { constructor: { name: string }; userOptions?: { templateParameters?: { csp: string } }; patterns?: { to: string; transform?: (input: Buffer) => string }[] }[];
}

async function config(env: Record<string, unknown>, mode: string): Promise<Config> {
  return (await makeConfig(env, { mode })) as Config;
}

function csp(c: Config): string {
  return c.plugins.find((p) => p.userOptions?.templateParameters)!.userOptions!.templateParameters!.csp;
}

function deployedManifest(c: Config): string {
  const copy = c.plugins.find((p) => p.patterns)!;
  const manifest = copy.patterns!.find((p) => p.to === "manifest.xml")!;
  return manifest.transform!(Buffer.from('<AppDomain>https://localhost:3000</AppDomain><Url DefaultValue="https://localhost:3000/functions.json"/>'));
}

afterEach(() => {
  vi.unstubAllEnvs();
  devCerts.getHttpsServerOptions.mockReset();
});

describe("webpack.config.js", () => {
  it("builds the functions and the task pane as two entries of one runtime", async () => {
    const c = await config({}, "production");
    expect(c.entry.functions).toBe("./src/functions/functions.ts");
    expect(c.entry.taskpane).toEqual({ import: "./src/taskpane/index.tsx", dependOn: "functions" });
    expect(c.devServer).toBeUndefined();
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
  });

  it("serves a page whose CSP allows no eval and no other origin than Office's", async () => {
    const c = await config({}, "production");
    expect(c.devtool).not.toMatch(/eval/);
    expect(csp(c)).not.toMatch(/unsafe-eval/);
    expect(csp(c)).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp(c)).toMatch(/object-src 'none'/);
    expect(csp(c)).not.toMatch(/wss:/);
  });

  it("moves the manifest to ADDIN_BASE_URL for deployment, AppDomain to its origin", async () => {
    vi.stubEnv("ADDIN_BASE_URL", "https://tuanwei.example.org/league");
    expect(deployedManifest(await config({}, "production"))).toBe(
      '<AppDomain>https://tuanwei.example.org</AppDomain><Url DefaultValue="https://tuanwei.example.org/league/functions.json"/>',
    );
    vi.stubEnv("ADDIN_BASE_URL", "http://insecure.example.org/");
    await expect(config({}, "production")).rejects.toThrow(/https/);
  });

  it("keeps localhost in the development manifest", async () => {
    expect(deployedManifest(await config({}, "development"))).toMatch(/https:\/\/localhost:3000\/functions\.json/);
  });

  it("serves https on localhost:3000 with the office-addin dev certificates", async () => {
    devCerts.getHttpsServerOptions.mockResolvedValue({ ca: "ca", cert: "cert", key: "key" });
    const c = await config({ WEBPACK_SERVE: true }, "development");
    expect(c.devServer).toMatchObject({ port: 3000, server: { type: "https", options: { cert: "cert", key: "key" } } });
    expect(csp(c)).toMatch(/wss:\/\/localhost:3000/);
  });

  it("falls back to http with a clear message when certificates are unavailable", async () => {
    devCerts.getHttpsServerOptions.mockRejectedValue(new Error("sudo: command not found"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const c = await config({ WEBPACK_SERVE: true }, "development");
    expect(c.devServer!.server).toEqual({ type: "http" });
    const message = warn.mock.calls.flat().join("\n");
    expect(message).toMatch(/npx office-addin-dev-certs install/);
    expect(message).toMatch(/sudo: command not found/);
    warn.mockRestore();
  });
});
