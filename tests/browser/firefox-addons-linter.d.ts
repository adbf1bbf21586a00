// The part of addons-linter's Node API the Firefox test uses (the package ships no types).
declare module 'addons-linter' {
  export interface LintMessage {
    code: string;
    message: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LintResult {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  export function createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): {
    run(): Promise<LintResult>;
  };
}
