/** Types of precompile-templates.mjs (plain JavaScript, run by the launcher). */
export declare const PRECOMPILE: Record<'narrative' | 'html', { options: CompileOptions; names(templatesDir: string): string[] }>;
export declare function precompiledSource(templatesDir: string, handlebars: { precompile(text: string, options: CompileOptions): unknown }): string;
