export const settings = { llm: process.env.OPENAI_API_KEY, port: 3000 }

export default { region: 'eu-west-1', upstream: process.env.ANTHROPIC_API_KEY }
