-- Headless Neovim as a second LSP client for the bundled server (see neovim.test.ts).
-- Runs the configuration in $STAR_NVIM_CONFIG (docs/editors.md's tested Neovim block, which
-- uses vim.lsp.start_client: Debian's Neovim is 0.7, and vim.lsp.start only exists from 0.8),
-- then, when the server's first diagnostics for the buffer given on the command line have
-- reached vim.diagnostic, writes them to $STAR_NVIM_OUT as JSON and quits.
local out = assert(os.getenv('STAR_NVIM_OUT'), 'STAR_NVIM_OUT (where to write diagnostics) is not set')
local timeout_ms = tonumber(os.getenv('STAR_NVIM_TIMEOUT_MS') or '30000')

local done = false
local function finish(payload)
  -- Callbacks such as on_exit run in the event loop, where Vim functions are not allowed.
  vim.schedule(function()
    if done then return end
    done = true
    local f = assert(io.open(out, 'w'))
    f:write(vim.fn.json_encode(payload))
    f:close()
    vim.cmd('qall!')
  end)
end

dofile(assert(os.getenv('STAR_NVIM_CONFIG'), 'STAR_NVIM_CONFIG (the configuration to test) is not set'))

vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    local shown = {}
    for _, d in ipairs(vim.diagnostic.get(args.buf)) do
      -- col is a byte offset; the example story is ASCII, so it is also the LSP character.
      table.insert(shown, { line = d.lnum + 1, column = d.col + 1, severity = d.severity, code = d.code, source = d.source, message = d.message })
    end
    local clients = {}
    for _, client in pairs(vim.lsp.buf_get_clients(args.buf)) do table.insert(clients, client.name) end
    finish({ clients = clients, diagnostics = shown })
  end,
})

-- A failing server must not hang the test run.
vim.defer_fn(function()
  finish({ error = 'no diagnostics within ' .. timeout_ms .. ' ms' })
end, timeout_ms)
